-- A new guest cart. ARGV[6] cart id, ARGV[7] currency.
local c = cart(ARGV[6])
if redis.call('EXISTS', c.meta) == 1 then
  return {'exists', c.id}
end
create(c, ARGV[7], '', token)
touch(c, true)
return state(c, 'created')
