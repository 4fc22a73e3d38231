-- Puts back a cart Redis lost, from its durable copy, unless it is there again. ARGV[6] cart id,
-- ARGV[7] fields (JSON object of strings), ARGV[8] lines (SKU -> units), ARGV[9] items
-- (SKU -> '<position>:<snapshot>'), ARGV[10] expiry (ms since the epoch).
local c = cart(ARGV[6])
if redis.call('EXISTS', c.meta) == 1 then
  return {'exists', c.id}
end
local expires = tonumber(ARGV[10])
if expires <= now then
  return {'expired', c.id}
end
local fields = cjson.decode(ARGV[7])
for name, value in pairs(fields) do
  redis.call('HSET', c.meta, name, value)
end
for sku, units in pairs(cjson.decode(ARGV[8])) do
  redis.call('HSET', c.lines, sku, units)
end
for sku, item in pairs(cjson.decode(ARGV[9])) do
  redis.call('HSET', c.items, sku, item)
end
redis.call('PEXPIREAT', c.meta, expires)
redis.call('PEXPIREAT', c.lines, expires)
redis.call('PEXPIREAT', c.items, expires)
if not blank(fields.owner) and blank(fields.merged) then
  local pointer = 'cart:customer:' .. fields.owner
  local current = redis.call('GET', pointer)
  if not current or redis.call('EXISTS', cart(current).meta) == 0 then
    redis.call('SET', pointer, c.id, 'PX', expires - now)
  end
end
return {'ok', c.id}
