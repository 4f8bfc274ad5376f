"""Model objects built in code for the render tests (no YAML, no loader)."""

from __future__ import annotations

import datetime as dt

from handbok.currency import AsOf
from handbok.model import (
    Behov,
    BehovStatus,
    Enhet,
    EnhetTyp,
    Fas,
    Finansiering,
    Finansieringskalla,
    Halsa,
    Insats,
    InsatsTyp,
    Kalla,
    PartialDate,
    Period,
    Portfolio,
    Prioritet,
    Rapportintervall,
    Risk,
    SourceRef,
    Status,
    Statusrapport,
)

HOSTILE = 'Ö&<b>"citat"</b> \'x\' {{ config }} {% raw %} <script>alert(1)</script> | *a* _b_ [l](x) 🚑 åäö'
BUILD_DATE = dt.date(2026, 11, 23)
AS_OF = AsOf(BUILD_DATE, 12)
INFO_DATE = PartialDate(2026, 10)  # current at BUILD_DATE with a 12-month interval

KALLA = Kalla(id="tlo-vgr", titel="TLO-samordning i VGR", utgivare="Västra Götalandsregionen", beskrivning="", ar="2020")


def unit(uid: str, namn: str, parent: str | None = None) -> Enhet:
    return Enhet(id=uid, namn=namn, typ=EnhetTyp.FORVALTNING, kalla=KALLA, overordnad_id=parent,
                 uppgifterna_galler=INFO_DATE,
                 source=SourceRef(f"data/organisation/{uid}.yaml"))


def need(nid: str, titel: str, units: tuple[Enhet, ...], **kwargs) -> Behov:
    fields = dict(beskrivning="Beskrivning.", malgrupp="Sjuksköterskor", status=BehovStatus.IDENTIFIERAT,
                  kalla=KALLA, uppgifterna_galler=INFO_DATE, prioritet=Prioritet.HOG)
    fields.update(kwargs)
    return Behov(id=nid, titel=titel, forvaltningar=units, source=SourceRef(f"data/behov/{nid}.yaml"),
                 **fields)


def initiative(iid: str, titel: str, units: tuple[Enhet, ...], **kwargs) -> Insats:
    fields = dict(sammanfattning="Sammanfattning.", typ=InsatsTyp.FORVALTNINGSSPECIFIK, fas=Fas.INFORA,
                  status=Status.PAGAR, halsa=Halsa.ENLIGT_PLAN, kalla=KALLA,
                  uppgifterna_galler=INFO_DATE, effektmal=("Fler utbildade",))
    fields.update(kwargs)
    return Insats(id=iid, titel=titel, forvaltningar=units, source=SourceRef(f"data/insatser/{iid}.yaml"),
                  **fields)


def sample_portfolio() -> Portfolio:
    region = Enhet(id="vgr", namn="Västra Götalandsregionen", typ=EnhetTyp.REGION, kalla=KALLA,
                   uppgifterna_galler=INFO_DATE,
                   source=SourceRef("data/organisation/vgr.yaml"))
    sahlgrenska = unit("sahlgrenska", "Sahlgrenska Universitetssjukhuset", "vgr")
    nu = unit("nu-sjukvarden", "NU-sjukvården", "vgr")
    hostile_unit = unit("fientlig-enhet", HOSTILE, "vgr")
    shared_need = need("cytostatika", "Körkort för cytostatika", (sahlgrenska, nu), status=BehovStatus.ATGARDAS)
    lonely_need = need("ensamt-behov", "Behov utan insats", (nu,))
    hostile_need = need("fientligt-behov", HOSTILE, (hostile_unit, sahlgrenska), beskrivning=HOSTILE)
    insatser = (
        initiative("cytostatikakorkort", "Cytostatikakörkort", (sahlgrenska, nu), behov=(shared_need,),
                   typ=InsatsTyp.FLERA_FORVALTNINGAR, fas=Fas.INFORA, uppdragsagare="Förvaltningschef",
                   projektledare="Utvecklingsansvarig sjuksköterska",
                   period=Period(PartialDate(2019, 3), PartialDate(2020, 12)),
                   rapportintervall=Rapportintervall.MANADSVIS,
                   statusrapporter=(Statusrapport(dt.date(2026, 10, 1), Halsa.ENLIGT_PLAN, "Allt går bra."),
                                    Statusrapport(dt.date(2026, 9, 1), Halsa.RISK, "Förseningar.")),
                   risker=(Risk("Låg", 1, 1), Risk("Hög", 4, 3, "Åtgärda"), Risk("Medel", 2, 2)),
                   finansiering=Finansiering(Finansieringskalla.OMSTALLNINGSFONDEN, 1200000, "Delvis")),
        initiative("fientlig-insats", HOSTILE, (hostile_unit,), behov=(hostile_need,), sammanfattning=HOSTILE,
                   beskrivning=HOSTILE, halsa=Halsa.RISK, halsokommentar=HOSTILE, uppdragsagare=HOSTILE,
                   projektledare=HOSTILE, effektmal=(HOSTILE,), fas=Fas.BEREDA,
                   risker=(Risk(HOSTILE, 2, 3, HOSTILE),),
                   statusrapporter=(Statusrapport(dt.date(2026, 1, 5), Halsa.RISK, HOSTILE),),
                   period=Period(PartialDate(2025), None),
                   finansiering=Finansiering(Finansieringskalla.EGEN_BUDGET, None, HOSTILE)),
        initiative("utan-effektmal", "Utan effektmål", (nu,), effektmal=(), fas=Fas.TA_EMOT_ARENDE,
                   status=Status.PLANERAD),
    )
    return Portfolio(insatser=insatser, behov=(shared_need, lonely_need, hostile_need),
                     enheter=(region, sahlgrenska, nu, hostile_unit), kallor=(KALLA,))
