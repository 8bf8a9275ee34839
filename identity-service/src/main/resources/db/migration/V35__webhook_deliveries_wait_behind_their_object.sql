-- A pending delivery behind an earlier pending one of the same object and subscription waits at 'infinity' and is
-- given a time when that one is settled (Deliveries): the dispatcher then looks only at deliveries that may go,
-- not at the whole backlog of a dead receiver.
update webhook_delivery d set next_attempt_at = 'infinity'
where d.status = 'PENDING'
  and exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id and e.object_key = d.object_key
              and e.status = 'PENDING' and e.seq < d.seq);

-- what the dispatcher claims: each subscription's deliveries whose time has come, longest due first
create index webhook_delivery_subscription_due_idx on webhook_delivery (subscription_id, next_attempt_at, seq) where status = 'PENDING';
drop index webhook_delivery_due_idx;
