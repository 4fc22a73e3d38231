-- Applies or removes a coupon code (compared without case). ARGV[6] cart id, ARGV[7] code,
-- ARGV[8] 'apply' or 'remove', ARGV[9] most codes per cart.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
local code = ARGV[7]
local codes = cjson.decode(redis.call('HGET', c.meta, 'coupons') or '[]')
local found = nil
for i, held in ipairs(codes) do
  if string.upper(held) == string.upper(code) then
    found = i
  end
end
if ARGV[8] == 'apply' and not found then
  if #codes >= tonumber(ARGV[9]) then
    return {'coupons', c.id, ARGV[9]}
  end
  table.insert(codes, code)
elseif ARGV[8] == 'remove' and found then
  table.remove(codes, found)
else
  touch(c)
  return state(c, 'ok')
end
redis.call('HSET', c.meta, 'coupons', encodeList(codes))
changed(c)
touch(c)
return state(c, 'ok')
