-- The origins of a tenant's websites that may frame its Antrags-Apps (#18): scheme://host[:port],
-- the port may be '*'. Validated by tenancy.EmbeddingOrigins before it is stored.
create table tenant_embedding_origin (
    tenant_id uuid not null references tenant (id) on delete cascade,
    origin varchar(300) not null,
    position int not null,
    primary key (tenant_id, origin)
);
