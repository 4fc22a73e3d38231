-- Removes every line and coupon code. ARGV[6] cart id.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
local had = redis.call('DEL', c.lines, c.items)
if had > 0 or redis.call('HGET', c.meta, 'coupons') ~= '[]' then
  redis.call('HSET', c.meta, 'coupons', '[]')
  changed(c)
end
touch(c)
return state(c, 'ok')
