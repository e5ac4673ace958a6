-- Texts that answer a citizen's questions about a Leistung before they start, by the kinds of the
-- XZuFi text modules (Kurztext, Voraussetzungen, Unterlagen, Kosten, Fristen, Bearbeitungsdauer,
-- Rechtsgrundlage). The OZG/LeiKa tables bring none, so the operator writes them. One text per
-- Leistung, kind and language; a text goes with its Leistung.
create table leistung_textmodul (
    leika_key  varchar(14)   not null references leistung (leika_key) on delete cascade,
    kind       varchar(20)   not null check (kind in ('KURZTEXT', 'VORAUSSETZUNGEN', 'UNTERLAGEN', 'KOSTEN',
                                                      'FRISTEN', 'BEARBEITUNGSDAUER', 'RECHTSGRUNDLAGE')),
    lang       varchar(2)    not null check (lang in ('de', 'en')),
    text       varchar(4000) not null check (length(btrim(text)) > 0),
    updated_at timestamptz   not null default now(),
    updated_by varchar(200)  not null,
    primary key (leika_key, kind, lang)
);
