-- Units not yet shipped per factory (sub-orders placed or accepted), kept as a running total so
-- routing an order reads one small row per factory instead of summing every open sub-order.
-- Placing an order adds its sub-orders' units; a sub-order shipped or rejected takes its units off.
create table factory_queues (
  factory_id text primary key,
  units bigint not null check (units >= 0)
);

insert into factory_queues (factory_id, units)
  select factory_id, sum(units)
    from factory_orders
   where status in ('placed', 'accepted')
   group by factory_id;
