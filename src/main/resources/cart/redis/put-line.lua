-- Adds units to a line or sets its quantity, within the caps. ARGV[6] cart id, ARGV[7] SKU,
-- ARGV[8] units, ARGV[9] 'add' or 'set', ARGV[10] most units per line, ARGV[11] most lines,
-- ARGV[12] the line's snapshot ('<unit price>|<product id>|<title>').
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
local sku, units = ARGV[7], tonumber(ARGV[8])
local current = tonumber(redis.call('HGET', c.lines, sku) or '0')
if current == 0 and redis.call('HLEN', c.lines) >= tonumber(ARGV[11]) then
  return {'lines', c.id, ARGV[11]}
end
local wanted = units
if ARGV[9] == 'add' then
  wanted = current + units
end
if wanted > tonumber(ARGV[10]) then
  return {'quantity', c.id, tostring(current)}
end
redis.call('HSET', c.items, sku, position(c, sku) .. ':' .. ARGV[12])
redis.call('HSET', c.lines, sku, wanted)
changed(c)
touch(c, current == 0)
return state(c, 'ok')
