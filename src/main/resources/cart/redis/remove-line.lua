-- Removes a line (a missing line is already removed). ARGV[6] cart id, ARGV[7] SKU.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
if redis.call('HDEL', c.lines, ARGV[7]) == 1 then
  redis.call('HDEL', c.items, ARGV[7])
  changed(c)
end
touch(c)
return state(c, 'ok')
