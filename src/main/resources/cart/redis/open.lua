-- The signed-in caller's cart: the one 'cart:customer:<id>' points at, else (ARGV[8] = 'create')
-- a new one. ARGV[6] new cart id, ARGV[7] currency, ARGV[8] 'find' or 'create'.
local pointer = 'cart:customer:' .. customer
local existing = redis.call('GET', pointer)
if existing then
  local c = cart(existing)
  local m = redis.call('HMGET', c.meta, 'owner', 'merged')
  if m[1] == customer and blank(m[2]) then
    touch(c)
    return state(c, 'existing')
  end
end
if ARGV[8] ~= 'create' then
  return {'none', ''}
end
local c = cart(ARGV[6])
create(c, ARGV[7], customer, '')
redis.call('SET', pointer, c.id, 'PX', customerTtl)
touch(c, true)
return state(c, 'created')
