-- Takes up to ARGV[8] carts whose score in ARGV[6] ('dirty' or 'activity') is at most ARGV[7] out
-- of that set and answers their states, the score in the status slot. Taking them out in the script
-- is the claim: two nodes never get the same cart. For 'activity' only carts with lines count.
local key = DIRTY
if ARGV[6] == 'activity' then
  key = ACTIVITY
end
local due = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[7], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[8]))
local claimed = {}
for i = 1, #due, 2 do
  redis.call('ZREM', key, due[i])
  local c = cart(due[i])
  if redis.call('EXISTS', c.meta) == 1 then
    if key == DIRTY or (redis.call('HLEN', c.lines) > 0 and blank(redis.call('HGET', c.meta, 'merged'))) then
      table.insert(claimed, state(c, due[i + 1]))
    end
  end
end
return claimed
