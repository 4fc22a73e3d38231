-- Shared by every cart script (prepended to each). A cart is three keys: the hash 'cart:{<id>}'
-- (owner, token hash, currency, version, times, coupons, merge and checkout marks), the hash
-- '...:lines' (SKU -> quantity) and the hash '...:items' (SKU -> '<position>:<snapshot JSON>');
-- '...:checkout' holds the lines as the checkout saw them. 'cart:customer:<id>' points at a
-- customer's cart, 'cart:activity' scores carts by last use and 'cart:dirty' by first unsaved use.
-- ARGV[1] now (ms), ARGV[2] the caller's customer id or '', ARGV[3] the caller's token hash or '',
-- ARGV[4] guest TTL (ms), ARGV[5] customer TTL (ms); each script's own arguments follow.
local now = tonumber(ARGV[1])
local customer, token = ARGV[2], ARGV[3]
local guestTtl, customerTtl = tonumber(ARGV[4]), tonumber(ARGV[5])
local ACTIVITY, DIRTY = 'cart:activity', 'cart:dirty'

local function cart(id)
  local base = 'cart:{' .. id .. '}'
  return {id = id, meta = base, lines = base .. ':lines', items = base .. ':items', copy = base .. ':checkout'}
end

local function state(c, status)
  return {status, c.id, redis.call('HGETALL', c.meta), redis.call('HGETALL', c.lines), redis.call('HGETALL', c.items)}
end

local function blank(value)
  return not value or value == ''
end

-- nil when the caller may use the cart; else 'missing', 'denied' or 'merged' (merged by this caller)
local function refusal(c)
  local m = redis.call('HMGET', c.meta, 'currency', 'owner', 'token', 'merged', 'mergedBy')
  if not m[1] then
    return 'missing'
  end
  if not blank(m[4]) then
    if customer ~= '' and m[5] == customer then
      return 'merged'
    end
    return 'denied'
  end
  if m[2] ~= '' then
    if customer == m[2] then
      return nil
    end
    return 'denied'
  end
  if token ~= '' and m[3] == token then
    return nil
  end
  return 'denied'
end

local function refused(c, why)
  return {why, c.id, redis.call('HGET', c.meta, 'merged') or ''}
end

-- records the use and renews every key's time to live; the renewal (five writes) is skipped while
-- less than a hundredth of the time to live has passed since the last one, unless 'force' (the
-- operation made a key, or changed the owner)
local function touch(c, force)
  local m = redis.call('HMGET', c.meta, 'owner', 'expires', 'merged')
  local owner = m[1]
  local ttl = guestTtl
  if not blank(owner) then
    ttl = customerTtl
  end
  if force or tonumber(m[2] or '0') < now + ttl - math.max(1, math.floor(ttl / 100)) then
    if not blank(owner) then
      redis.call('PEXPIRE', 'cart:customer:' .. owner, ttl)
    end
    redis.call('HSET', c.meta, 'expires', now + ttl)
    redis.call('PEXPIRE', c.meta, ttl)
    redis.call('PEXPIRE', c.lines, ttl)
    redis.call('PEXPIRE', c.items, ttl)
    redis.call('PEXPIRE', c.copy, ttl)
  end
  if blank(m[3]) then
    redis.call('ZADD', ACTIVITY, now, c.id)
  end
  redis.call('ZADD', DIRTY, 'NX', now, c.id)
end

local function changed(c)
  redis.call('HINCRBY', c.meta, 'version', 1)
  redis.call('HSET', c.meta, 'updated', now)
end

local function create(c, currency, owner, tokenHash)
  redis.call('HSET', c.meta, 'currency', currency, 'owner', owner, 'token', tokenHash, 'created', now,
    'updated', now, 'version', 1, 'seq', 0, 'coupons', '[]')
end

local function position(c, sku)
  local old = redis.call('HGET', c.items, sku)
  if old then
    return string.match(old, '^(%d+):')
  end
  return redis.call('HINCRBY', c.meta, 'seq', 1)
end

local function encodeList(list)
  if #list == 0 then
    return '[]'
  end
  return cjson.encode(list)
end
