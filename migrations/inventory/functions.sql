-- Marks a row whose levels changed (for the throttled stock.changed event) and a fall to or below
-- the reorder level (for stock.low, once per crossing: re-armed when the row climbs back above).
CREATE OR REPLACE FUNCTION inventory.stock_signals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  now_low boolean := NEW.reorder_level > 0 AND NEW.on_hand - NEW.reserved <= NEW.reorder_level;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.changed_pending := true;
  ELSIF NEW.on_hand <> OLD.on_hand OR NEW.reserved <> OLD.reserved THEN
    NEW.changed_pending := true;
    NEW.updated_at := now();
  END IF;
  IF now_low AND NOT NEW.low THEN
    NEW.low_pending := true;
  END IF;
  NEW.low := now_low;
  RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS stock_signals ON inventory.stock;
CREATE TRIGGER stock_signals BEFORE INSERT OR UPDATE ON inventory.stock
  FOR EACH ROW EXECUTE FUNCTION inventory.stock_signals();

-- One batch of reservation requests for one SKU in one region, in one round trip. Requests are
-- allocated in arrival order (array order), each all or nothing: a line goes to the warehouse with
-- most available that holds it whole, else is split over the region's warehouses, else is
-- refused. The SKU's rows are locked by this statement only (in warehouse id order, like every
-- other writer), then moved by one conditional UPDATE per warehouse for the batch's total.
-- p_new: the request is a whole single-line reservation, recorded here with its outcome;
-- otherwise it is one line of a multi-line reservation whose record is pending.
-- Outcomes: reserved, insufficient, unknown (no stock row in the region), duplicate (a single-line
-- reservation id already recorded: the caller answers from the record), closed (the multi-line
-- reservation is no longer pending). A single-line id recorded by a concurrent batch between this
-- batch's check and its insert fails the statement (unique violation); the caller runs it again.
CREATE OR REPLACE FUNCTION inventory.reserve_batch(p_sku text, p_region text, p_ids uuid[], p_qty int[],
    p_new boolean[], p_refs text[], p_expires timestamptz[], p_actor text, p_now timestamptz)
RETURNS TABLE (r_ord int, r_outcome text, r_warehouses uuid[], r_quantities int[])
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  n int := array_length(p_ids, 1);
  st text[];
  open_ord int[];
  wh uuid[]; onh int[]; res int[]; prio int[]; taken int[];
  m int;
  k int := 0;
  i int; w int; q int; best int; total int; left_q int; part int;
  l_ord int[] := '{}'; l_wh uuid[] := '{}'; l_qty int[] := '{}'; l_onh int[] := '{}'; l_rb int[] := '{}';
BEGIN
  st := ARRAY(SELECT CASE WHEN x THEN 'open' ELSE 'closed' END FROM unnest(p_new) AS x);

  FOR i IN SELECT u.o::int FROM unnest(p_ids, p_new) WITH ORDINALITY AS u(id, is_new, o)
            WHERE u.is_new AND EXISTS (SELECT 1 FROM inventory.reservation r WHERE r.id = u.id) LOOP
    st[i] := 'duplicate';
  END LOOP;

  -- a line is taken only while its reservation is pending; the share lock holds off a concurrent
  -- release or expiry until this batch commits, so that one then sees (and releases) the line
  SELECT coalesce(array_agg(u.o::int), '{}') INTO open_ord
    FROM unnest(p_ids, p_new) WITH ORDINALITY AS u(id, is_new, o)
   WHERE NOT u.is_new AND u.id IN (
     SELECT r.id FROM inventory.reservation r
      WHERE r.id IN (SELECT v.id FROM unnest(p_ids, p_new) AS v(id, is_new) WHERE NOT v.is_new)
        AND r.status = 'pending'
      FOR SHARE);
  FOREACH i IN ARRAY open_ord LOOP
    st[i] := 'open';
  END LOOP;

  SELECT array_agg(s.warehouse_id ORDER BY s.warehouse_id), array_agg(s.on_hand ORDER BY s.warehouse_id),
         array_agg(s.reserved ORDER BY s.warehouse_id), array_agg(s.priority ORDER BY s.warehouse_id)
    INTO wh, onh, res, prio
    FROM (SELECT s.warehouse_id, s.on_hand, s.reserved, w.priority
            FROM inventory.stock s JOIN inventory.warehouse w ON w.id = s.warehouse_id
           WHERE s.sku = p_sku AND w.region = p_region
           ORDER BY s.warehouse_id
             FOR UPDATE OF s) AS s;
  m := coalesce(array_length(wh, 1), 0);
  taken := array_fill(0, ARRAY[greatest(m, 1)]);

  FOR i IN 1..n LOOP
    CONTINUE WHEN st[i] <> 'open';
    IF m = 0 THEN
      st[i] := 'unknown';
      CONTINUE;
    END IF;
    q := p_qty[i];
    best := 0;
    total := 0;
    FOR w IN 1..m LOOP
      total := total + onh[w] - res[w];
      IF onh[w] - res[w] >= q AND (best = 0 OR onh[w] - res[w] > onh[best] - res[best]
          OR (onh[w] - res[w] = onh[best] - res[best] AND prio[w] < prio[best])) THEN
        best := w;
      END IF;
    END LOOP;
    IF best = 0 AND total < q THEN
      st[i] := 'insufficient';
      CONTINUE;
    END IF;
    left_q := q;
    FOR w IN 1..m LOOP
      EXIT WHEN left_q = 0;
      CONTINUE WHEN best > 0 AND w <> best;
      part := least(left_q, onh[w] - res[w]);
      CONTINUE WHEN part <= 0;
      k := k + 1;
      l_ord[k] := i; l_wh[k] := wh[w]; l_qty[k] := part; l_onh[k] := onh[w]; l_rb[k] := res[w];
      res[w] := res[w] + part;
      taken[w] := taken[w] + part;
      left_q := left_q - part;
    END LOOP;
    st[i] := 'reserved';
  END LOOP;

  INSERT INTO inventory.reservation (id, reference, region, status, lines, shortages, expires_at, created_at,
                                     updated_at)
  SELECT t.id, t.ref, p_region, CASE WHEN t.s = 'reserved' THEN 'reserved' ELSE 'rejected' END,
         jsonb_build_array(jsonb_build_object('sku', p_sku, 'quantity', t.q)),
         CASE WHEN t.s = 'reserved' THEN NULL ELSE jsonb_build_array(jsonb_build_object(
           'sku', p_sku, 'requested', t.q, 'reason', t.s)) END,
         t.exp, p_now, p_now
    FROM unnest(p_ids, p_qty, p_new, p_refs, p_expires, st) AS t(id, q, is_new, ref, exp, s)
   WHERE t.is_new AND t.s IN ('reserved', 'insufficient', 'unknown');

  FOR w IN 1..m LOOP
    CONTINUE WHEN taken[w] = 0;
    UPDATE inventory.stock SET reserved = reserved + taken[w]
     WHERE sku = p_sku AND warehouse_id = wh[w] AND on_hand - reserved >= taken[w];
    IF NOT FOUND THEN
      RAISE EXCEPTION 'stock of % in % changed under its lock', p_sku, wh[w];
    END IF;
  END LOOP;

  INSERT INTO inventory.reservation_line (reservation_id, sku, warehouse_id, quantity)
  SELECT p_ids[t.o], p_sku, t.w_id, t.qty FROM unnest(l_ord, l_wh, l_qty) AS t(o, w_id, qty);

  INSERT INTO inventory.ledger (sku, warehouse_id, kind, quantity, on_hand_before, on_hand_after,
                                reserved_before, reserved_after, reference, actor, created_at)
  SELECT p_sku, t.w_id, 'reserved', t.qty, t.oh, t.oh, t.rb, t.rb + t.qty, p_ids[t.o]::text, p_actor, p_now
    FROM unnest(l_ord, l_wh, l_qty, l_onh, l_rb) AS t(o, w_id, qty, oh, rb);

  RETURN QUERY
  SELECT u.o::int, u.s, coalesce(a.whs, '{}'::uuid[]), coalesce(a.qs, '{}'::int[])
    FROM unnest(st) WITH ORDINALITY AS u(s, o)
    LEFT JOIN (SELECT t.o, array_agg(t.w_id) AS whs, array_agg(t.qty) AS qs
                 FROM unnest(l_ord, l_wh, l_qty) AS t(o, w_id, qty) GROUP BY t.o) AS a ON a.o = u.o
   ORDER BY u.o;
END
$fn$;

-- Ends a reservation by a conditional status change, so each reservation is ended once however
-- many nodes try (commit, release, expiry, or rejection of a multi-line reservation, or the
-- return of a committed one). Only the call that changed the status moves stock: commit sells (on
-- hand and reserved go down), return puts the sold units back on hand in the warehouses they left,
-- the others release. Returns the status after the call and whether this call changed it.
DROP FUNCTION IF EXISTS inventory.finish_reservation(uuid, text, jsonb, text, timestamptz);
CREATE OR REPLACE FUNCTION inventory.finish_reservation(p_id uuid, p_to text, p_shortages jsonb,
    p_actor text, p_now timestamptz, p_region text)
RETURNS TABLE (r_status text, r_changed boolean, r_reference text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  line record;
  kind text := CASE p_to WHEN 'committed' THEN 'sold' WHEN 'returned' THEN 'returned' ELSE 'released' END;
  d_on_hand int;
  d_reserved int;
  ref text;
  revived boolean := false;
BEGIN
  IF p_to = 'committed' THEN
    -- A sale that ends after its hold ran out (the saga was held up past the expiry) still sells
    -- the units when they are free: the same warehouses, taken from on hand directly. When any of
    -- them is gone the reservation stays expired and the caller gets a conflict.
    SELECT r.reference INTO ref FROM inventory.reservation r WHERE r.id = p_id AND r.status = 'expired' FOR UPDATE;
    IF FOUND THEN
      PERFORM 1 FROM inventory.stock s JOIN inventory.reservation_line l
                  ON l.sku = s.sku AND l.warehouse_id = s.warehouse_id
       WHERE l.reservation_id = p_id ORDER BY s.sku, s.warehouse_id FOR UPDATE OF s;
      revived := NOT EXISTS (SELECT 1 FROM inventory.reservation_line l JOIN inventory.stock s
                               ON l.sku = s.sku AND l.warehouse_id = s.warehouse_id
                              WHERE l.reservation_id = p_id AND s.on_hand - s.reserved < l.quantity);
      IF revived THEN
        UPDATE inventory.reservation SET status = 'committed', updated_at = p_now WHERE id = p_id;
      END IF;
    END IF;
  END IF;
  IF NOT revived THEN
    UPDATE inventory.reservation
       SET status = p_to, updated_at = p_now, shortages = coalesce(p_shortages, shortages)
     WHERE id = p_id AND (
           (p_to = 'committed' AND status = 'reserved')
        OR (p_to = 'released' AND status IN ('pending', 'reserved'))
        OR (p_to = 'rejected' AND status = 'pending')
        OR (p_to = 'expired' AND status IN ('pending', 'reserved') AND expires_at <= p_now)
        OR (p_to = 'returned' AND status = 'committed'))
    RETURNING reference INTO ref;
    IF NOT FOUND THEN
      IF p_to = 'released' AND NOT EXISTS (SELECT 1 FROM inventory.reservation r WHERE r.id = p_id) THEN
        -- Released before it was reserved (a checkout that gave up on a reserve still on its way):
        -- a tombstone, so that the late reserve finds the id taken and holds nothing.
        INSERT INTO inventory.reservation (id, reference, region, status, lines, expires_at, created_at, updated_at)
        VALUES (p_id, 'released before reserved', p_region, 'released', '[]'::jsonb, p_now, p_now, p_now)
        ON CONFLICT (id) DO NOTHING;
        IF FOUND THEN
          RETURN QUERY SELECT 'released'::text, false, 'released before reserved'::text;
          RETURN;
        END IF;
        -- the reserve recorded it meanwhile: release that
        RETURN QUERY SELECT * FROM inventory.finish_reservation(p_id, p_to, p_shortages, p_actor, p_now, p_region);
        RETURN;
      END IF;
      RETURN QUERY SELECT r.status::text, false, r.reference::text FROM inventory.reservation r WHERE r.id = p_id;
      RETURN;
    END IF;
  END IF;
  FOR line IN SELECT l.sku, l.warehouse_id, l.quantity FROM inventory.reservation_line l
               WHERE l.reservation_id = p_id ORDER BY l.sku, l.warehouse_id LOOP
    d_on_hand := CASE p_to WHEN 'committed' THEN -line.quantity WHEN 'returned' THEN line.quantity ELSE 0 END;
    -- a revived sale's units are no longer reserved; a return moves on hand only
    d_reserved := CASE WHEN p_to = 'returned' OR revived THEN 0 ELSE -line.quantity END;
    WITH moved AS (
      UPDATE inventory.stock s SET reserved = s.reserved + d_reserved, on_hand = s.on_hand + d_on_hand
       WHERE s.sku = line.sku AND s.warehouse_id = line.warehouse_id
      RETURNING s.on_hand, s.reserved)
    INSERT INTO inventory.ledger (sku, warehouse_id, kind, quantity, on_hand_before, on_hand_after,
                                  reserved_before, reserved_after, reference, actor, created_at)
    SELECT line.sku, line.warehouse_id, kind, line.quantity, moved.on_hand - d_on_hand, moved.on_hand,
           moved.reserved - d_reserved, moved.reserved, p_id::text, p_actor, p_now
      FROM moved;
  END LOOP;
  RETURN QUERY SELECT p_to, true, ref;
END
$fn$;

-- A shard's batch over any number of SKUs in one round trip and one commit: reserve_batch for
-- each SKU and region, in SKU order (the order every writer locks stock rows in). The share locks
-- on pending multi-line reservations are all taken first, before any stock row, because a release
-- holds its reservation and then locks stock rows. r_ord is the request's position in the arrays.
CREATE OR REPLACE FUNCTION inventory.reserve_lines(p_skus text[], p_regions text[], p_ids uuid[], p_qty int[],
    p_new boolean[], p_refs text[], p_expires timestamptz[], p_actor text, p_now timestamptz)
RETURNS TABLE (r_ord int, r_outcome text, r_warehouses uuid[], r_quantities int[])
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  g record;
BEGIN
  PERFORM 1 FROM inventory.reservation r
   WHERE r.id IN (SELECT v.id FROM unnest(p_ids, p_new) AS v(id, is_new) WHERE NOT v.is_new)
     AND r.status = 'pending'
   ORDER BY r.id
     FOR SHARE;
  FOR g IN SELECT u.sku, u.region, array_agg(u.o::int ORDER BY u.o) AS ords
             FROM unnest(p_skus, p_regions) WITH ORDINALITY AS u(sku, region, o)
            GROUP BY u.sku, u.region
            ORDER BY u.sku, u.region LOOP
    RETURN QUERY
    SELECT g.ords[b.r_ord], b.r_outcome, b.r_warehouses, b.r_quantities
      FROM inventory.reserve_batch(g.sku, g.region,
             ARRAY(SELECT p_ids[x.o] FROM unnest(g.ords) WITH ORDINALITY AS x(o, n) ORDER BY x.n),
             ARRAY(SELECT p_qty[x.o] FROM unnest(g.ords) WITH ORDINALITY AS x(o, n) ORDER BY x.n),
             ARRAY(SELECT p_new[x.o] FROM unnest(g.ords) WITH ORDINALITY AS x(o, n) ORDER BY x.n),
             ARRAY(SELECT p_refs[x.o] FROM unnest(g.ords) WITH ORDINALITY AS x(o, n) ORDER BY x.n),
             ARRAY(SELECT p_expires[x.o] FROM unnest(g.ords) WITH ORDINALITY AS x(o, n) ORDER BY x.n),
             p_actor, p_now) AS b;
  END LOOP;
END
$fn$;
