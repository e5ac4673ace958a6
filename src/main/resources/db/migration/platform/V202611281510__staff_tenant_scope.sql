-- Staff of a tenant (caseworkers, tenant admins) belong to exactly one tenant; platform operators
-- to none. The tenant is referenced by its slug (fixed after creation); no foreign key across
-- modules.
alter table staff_account add column tenant_slug varchar(40);
alter table staff_account add constraint staff_account_tenant_scope
    check ((role = 'PLATFORM_OPERATOR') = (tenant_slug is null));
