-- Responsibility as data (#17). Whether a Leistung's Verwaltungsebene comes from a rule a person
-- wrote down (catalog/zustaendigkeit.csv, the operator's file, LeiKa type 5) or only from the coarse
-- LeiKa-Typisierung default. Only the first may be shown, labelled, as "vermutlich zuständig"; the
-- import fills it (the catalog's mapping version changed, so the next start imports again).
alter table leistung add column ebene_reliable boolean not null default false;

-- The operator's online services of other providers become Onlinedienste with a Zuständigkeit
-- (role ONLINEDIENST) for the authority's region, edited in Amtsweg (source 'amtsweg').
insert into onlinedienst (id, source, name, provider, url)
select 'amtsweg:' || d.id, 'amtsweg', d.name, d.provider, d.url from online_dienst d;
insert into zustaendigkeit (id, source, leika_key, region_ars, onlinedienst_id, rolle)
select 'amtsweg:' || d.id || '-z', 'amtsweg', d.leika_key, d.authority_ars, 'amtsweg:' || d.id,
       'ONLINEDIENST'
from online_dienst d;
drop table online_dienst;
