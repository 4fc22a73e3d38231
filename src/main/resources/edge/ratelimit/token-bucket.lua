-- One rate-limit check: token buckets KEYS[1..n] (hashes: t = tokens, a fraction; ts = last update,
-- ms), ARGV = capacity, refill per second for each key in turn. The request takes one token from
-- every bucket only when each holds at least one; otherwise nothing is taken. Time is Redis's own,
-- so every edge node counts alike. Answers {allowed, then per bucket: remaining, ms until one token,
-- ms until full}.
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local tokens = {}
local allowed = 1
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', KEYS[i], 't', 'ts')
  local t = tonumber(state[1])
  local ts = tonumber(state[2])
  if t == nil or ts == nil then
    t = capacity
    ts = now
  end
  t = math.min(capacity, t + math.max(0, now - ts) * rate / 1000)
  tokens[i] = t
  if t < 1 then
    allowed = 0
  end
end
local answer = {allowed}
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i - 1])
  local rate = tonumber(ARGV[2 * i])
  local t = tokens[i]
  if allowed == 1 then
    t = t - 1
  end
  local full_ms = math.ceil((capacity - t) / rate * 1000)
  local one_ms = 0
  if t < 1 then
    one_ms = math.ceil((1 - t) / rate * 1000)
  end
  redis.call('HSET', KEYS[i], 't', string.format('%.6f', t), 'ts', now)
  -- a full bucket is the same as no bucket: let it go once it would be full again
  redis.call('PEXPIRE', KEYS[i], full_ms + 1000)
  answer[#answer + 1] = math.floor(t)
  answer[#answer + 1] = one_ms
  answer[#answer + 1] = full_ms
end
return answer
