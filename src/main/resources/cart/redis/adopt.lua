-- Binds a guest cart (proven by its token) to the signed-in caller, who has no cart of their own.
-- ARGV[6] guest cart id. Answers 'has-cart' with the id when the caller has a cart after all.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
local existing = redis.call('GET', 'cart:customer:' .. customer)
if existing and existing ~= c.id then
  local m = redis.call('HMGET', cart(existing).meta, 'owner', 'merged')
  if m[1] == customer and blank(m[2]) then
    return {'has-cart', existing}
  end
end
if c.owner ~= customer then
  redis.call('HSET', c.meta, 'owner', customer, 'token', '')
  changed(c)
end
redis.call('SET', 'cart:customer:' .. customer, c.id, 'PX', customerTtl)
touch(c, true)
return state(c, 'ok')
