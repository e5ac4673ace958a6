-- db-scheduler's table (com.github.kagkarlsson:db-scheduler 16.7.1, postgresql_tables.sql as the
-- library ships it): one row per future or running execution of a job. A node picks a row by
-- setting picked/picked_by with an optimistic version check, so exactly one node runs it, and
-- keeps last_heartbeat fresh while it runs; a row whose heartbeat went stale belonged to a node
-- that died, and another node runs it again.
create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
