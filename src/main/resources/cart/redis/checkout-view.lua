-- The cart as checkout starts, for its owner; keeps a copy of its lines at this version so that
-- 'checked-out' can take away exactly what was ordered. ARGV[6] cart id.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
redis.call('DEL', c.copy)
local lines = redis.call('HGETALL', c.lines)
if #lines > 0 then
  redis.call('HSET', c.copy, unpack(lines))
end
redis.call('HSET', c.meta, 'checkoutVersion', redis.call('HGET', c.meta, 'version'))
touch(c, true)
return state(c, 'ok')
