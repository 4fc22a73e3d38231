-- The cart, for its owner. ARGV[6] cart id.
local c = cart(ARGV[6])
local why = refusal(c)
if why then
  return refused(c, why)
end
touch(c)
return state(c, 'ok')
