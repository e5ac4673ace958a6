-- One fee field (#16): a tenant's amounts are the app's money parameters. The separate fee_override
-- replaced them silently, so an admin could not tell which amount applied. Where an override was set
-- it moves into the parameter(s) it stood for, then the column goes.
--   gewerbe-anmeldung: the whole fee is the parameter gebuehrAnmeldung.
--   meldebescheinigung: the override replaced the computed fee of one certificate; it becomes the
--   fee of either kind (the count and the postage still apply, as the app defines them).
--   Any other app with an override kept its own amounts as parameters: the override is dropped.
update app_activation
   set parameters = parameters || jsonb_build_object('gebuehrAnmeldung', fee_override)
 where app_id = 'gewerbe-anmeldung' and fee_override is not null;

update app_activation
   set parameters = parameters || jsonb_build_object('gebuehrEinfach', fee_override,
                                                     'gebuehrErweitert', fee_override)
 where app_id = 'meldebescheinigung' and fee_override is not null;

alter table app_activation drop column fee_override;
