-- Ends abandonment leases: each cart id from ARGV[7] on leaves the activity set if it is still
-- scored with the lease ARGV[6]; a cart used since the lease was taken is scored by that use and stays.
for i = 7, #ARGV do
  local score = redis.call('ZSCORE', ACTIVITY, ARGV[i])
  if score and tonumber(score) == tonumber(ARGV[6]) then
    redis.call('ZREM', ACTIVITY, ARGV[i])
  end
end
return 0
