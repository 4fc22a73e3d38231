-- Takes up to ARGV[8] carts whose score in ARGV[6] ('dirty' or 'activity') is at most ARGV[7] and
-- answers their states, the score in the status slot; two nodes never get the same cart.
-- 'dirty': taking them out of the set is the claim. 'activity' (only carts with lines count): the
-- claim is a lease, the cart stays scored ARGV[9], when the lease runs out, until settle.lua takes it
-- out after its abandonment is recorded; a node that dies in between leaves it to the next lease.
-- The last use before the first lease is kept in the cart ('idleSince', dropped by any use), so a
-- cart leased again reports the same idle period.
local key = DIRTY
if ARGV[6] == 'activity' then
  key = ACTIVITY
end
local due = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[7], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[8]))
local claimed = {}
for i = 1, #due, 2 do
  local c = cart(due[i])
  local wanted = redis.call('EXISTS', c.meta) == 1 and (key == DIRTY
    or (redis.call('HLEN', c.lines) > 0 and blank(redis.call('HGET', c.meta, 'merged'))))
  if wanted and key == ACTIVITY then
    redis.call('ZADD', key, 'XX', ARGV[9], due[i])
  else
    redis.call('ZREM', key, due[i])
  end
  if wanted then
    local since = due[i + 1]
    if key == ACTIVITY then
      local known = redis.call('HGET', c.meta, 'idleSince')
      if known then
        since = known
      else
        redis.call('HSET', c.meta, 'idleSince', since)
      end
    end
    table.insert(claimed, state(c, since))
  end
end
return claimed
