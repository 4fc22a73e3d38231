-- An order was placed from the cart: takes its lines away, once per order. When the cart did not
-- change since the checkout view (or that view's copy is gone) it is emptied; otherwise only the
-- units of the copy are taken away, so lines added meanwhile stay. ARGV[6] cart id, ARGV[7] order
-- id, ARGV[8] the version checkout saw.
local c = cart(ARGV[6])
local m = redis.call('HMGET', c.meta, 'currency', 'order', 'version', 'checkoutVersion')
if not m[1] then
  return {'missing', c.id}
end
if m[2] == ARGV[7] then
  return state(c, 'ok')
end
if m[3] == ARGV[8] or m[4] ~= ARGV[8] then
  redis.call('DEL', c.lines, c.items)
else
  local copied = redis.call('HGETALL', c.copy)
  for i = 1, #copied, 2 do
    if redis.call('HINCRBY', c.lines, copied[i], -tonumber(copied[i + 1])) <= 0 then
      redis.call('HDEL', c.lines, copied[i])
      redis.call('HDEL', c.items, copied[i])
    end
  end
end
redis.call('DEL', c.copy)
redis.call('HDEL', c.meta, 'checkoutVersion')
redis.call('HSET', c.meta, 'order', ARGV[7], 'coupons', '[]')
changed(c)
touch(c, true)
return state(c, 'ok')
