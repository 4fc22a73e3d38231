-- Merges a guest cart (proven by its token) into the signed-in caller's cart: quantities add up,
-- capped per line; lines past the line cap are left out; coupon codes join, capped. The guest cart
-- becomes a mark naming the target, so a second merge answers the target unchanged.
-- ARGV[6] guest id, ARGV[7] target id, ARGV[8] the guest version the caller priced, ARGV[9] most
-- units per line, ARGV[10] most lines, ARGV[11] most coupons, ARGV[12] '1' when the snapshots
-- below replace the guest's (another currency), then SKU and snapshot pairs.
local g, t = cart(ARGV[6]), cart(ARGV[7])
local why = refusal(g)
if why == 'merged' then
  local target = cart(g.merged)
  if redis.call('EXISTS', target.meta) == 0 then
    return {'target-missing', target.id}
  end
  touch(target)
  return state(target, 'ok')
end
if why then
  return refused(g, why)
end
if g.owner == customer then
  return {'owned', g.id}
end
local tm = redis.call('HMGET', t.meta, 'owner', 'merged')
if not tm[1] then
  return {'target-missing', t.id}
end
if tm[1] ~= customer or not blank(tm[2]) then
  return {'target-denied', t.id}
end
if g.version ~= ARGV[8] then
  return {'retry', g.id}
end
local maxUnits, maxLines, maxCoupons = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
local repriced = {}
for i = 13, #ARGV, 2 do
  repriced[ARGV[i]] = ARGV[i + 1]
end
local entries = redis.call('HGETALL', g.items)
local order = {}
for i = 1, #entries, 2 do
  local at, snapshot = string.match(entries[i + 1], '^(%d+):(.*)$')
  table.insert(order, {sku = entries[i], at = tonumber(at), snapshot = snapshot})
end
table.sort(order, function(a, b) return a.at < b.at end)
local count = redis.call('HLEN', t.lines)
for _, line in ipairs(order) do
  local units = tonumber(redis.call('HGET', g.lines, line.sku) or '0')
  local have = tonumber(redis.call('HGET', t.lines, line.sku) or '0')
  local snapshot = line.snapshot
  if ARGV[12] == '1' then
    snapshot = repriced[line.sku]
  end
  if units > 0 and have > 0 then
    redis.call('HSET', t.lines, line.sku, math.min(maxUnits, have + units))
  elseif units > 0 and snapshot and count < maxLines then
    redis.call('HSET', t.items, line.sku, position(t, line.sku) .. ':' .. snapshot)
    redis.call('HSET', t.lines, line.sku, math.min(maxUnits, units))
    count = count + 1
  end
end
local codes = cjson.decode(redis.call('HGET', t.meta, 'coupons') or '[]')
for _, code in ipairs(cjson.decode(redis.call('HGET', g.meta, 'coupons') or '[]')) do
  local held = false
  for _, other in ipairs(codes) do
    if string.upper(other) == string.upper(code) then
      held = true
    end
  end
  if not held and #codes < maxCoupons then
    table.insert(codes, code)
  end
end
redis.call('HSET', t.meta, 'coupons', encodeList(codes))
changed(t)
touch(t, true)
redis.call('DEL', g.lines, g.items, g.copy)
redis.call('HSET', g.meta, 'merged', t.id, 'mergedBy', customer, 'coupons', '[]')
changed(g)
redis.call('ZREM', ACTIVITY, g.id)
redis.call('ZADD', DIRTY, 'NX', now, g.id)
return state(t, 'ok')
