"""Förändringshandboken core: load, validate, model and render the handbook's data, without MkDocs."""
