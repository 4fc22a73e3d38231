-- Shared by every cart script (prepended to each). A cart is three keys: the hash 'cart:{<id>}'
-- (owner, token hash, currency, version, times, coupons, merge and checkout marks), the hash
-- '...:lines' (SKU -> quantity) and the hash '...:items' (SKU -> the line's snapshot,
-- '<position>:<unit price>|<product id>|<title>'); '...:checkout' holds the lines as the checkout
-- saw them. 'cart:customer:<id>' points at a customer's cart, 'cart:activity' scores carts by last
-- use and 'cart:dirty' by first unsaved use.
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

-- reads the fields the checks and the bookkeeping need into the cart table, once per script
local function load(c)
  local m = redis.call('HMGET', c.meta, 'currency', 'owner', 'token', 'merged', 'mergedBy', 'version', 'expires')
  c.loaded, c.currency, c.owner, c.token, c.merged, c.mergedBy, c.version, c.expires =
    true, m[1], m[2], m[3], m[4], m[5], m[6], m[7]
  return c
end

-- nil when the caller may use the cart; else 'missing', 'denied' or 'merged' (merged by this caller)
local function refusal(c)
  load(c)
  if not c.currency then
    return 'missing'
  end
  if not blank(c.merged) then
    if customer ~= '' and c.mergedBy == customer then
      return 'merged'
    end
    return 'denied'
  end
  if c.owner ~= '' then
    if customer == c.owner then
      return nil
    end
    return 'denied'
  end
  if token ~= '' and c.token == token then
    return nil
  end
  return 'denied'
end

local function refused(c, why)
  return {why, c.id, c.merged or ''}
end

-- records the use and renews every key's time to live; the renewal (five writes) is skipped while
-- less than a hundredth of the time to live has passed since the last one, unless 'force' (the
-- operation made a key, or changed the owner: the fields are read again)
local function touch(c, force)
  if force or not c.loaded then
    load(c)
  end
  local ttl = guestTtl
  if not blank(c.owner) then
    ttl = customerTtl
  end
  if force or tonumber(c.expires or '0') < now + ttl - math.max(1, math.floor(ttl / 100)) then
    if not blank(c.owner) then
      redis.call('PEXPIRE', 'cart:customer:' .. c.owner, ttl)
    end
    redis.call('HSET', c.meta, 'expires', now + ttl)
    redis.call('PEXPIRE', c.meta, ttl)
    redis.call('PEXPIRE', c.lines, ttl)
    redis.call('PEXPIRE', c.items, ttl)
    redis.call('PEXPIRE', c.copy, ttl)
  end
  if blank(c.merged) then
    redis.call('ZADD', ACTIVITY, now, c.id)
    redis.call('HDEL', c.meta, 'idleSince')
  end
  redis.call('ZADD', DIRTY, 'NX', now, c.id)
end

-- a new version; the version read by load() is still current, as nothing else runs meanwhile
local function changed(c)
  if c.loaded and c.version then
    c.version = tonumber(c.version) + 1
    redis.call('HSET', c.meta, 'version', c.version, 'updated', now)
  else
    redis.call('HINCRBY', c.meta, 'version', 1)
    redis.call('HSET', c.meta, 'updated', now)
  end
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
