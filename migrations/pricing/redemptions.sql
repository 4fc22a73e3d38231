-- Redeeming and releasing the coupons of one order, each in one round trip (its own transaction),
-- so the hot rows of a popular promotion are locked by one statement only, never across the network.
-- Every limit is the WHERE of the statement that raises its counter: a concurrent redemption waits
-- for the row, then sees the count the previous one committed. Rows are taken in one order
-- everywhere (the order, the customer's order count, then per promotion in id order: the customer's
-- uses, the promotion) so two orders never wait on each other in a cycle.

-- Outcomes: 'redeemed', or 'duplicate' (the order was recorded before; the caller answers from the
-- record). A limit reached raises SQLSTATE EM422 with MESSAGE exhausted, customer_limit or
-- not_first_order and DETAIL the index of the code in the request, which rolls everything back.
-- p_first_order: the index of a code that is only for a first order (null: none).
-- p_event_*: the redemption.recorded outbox row, written with the state change (null: no event).
CREATE OR REPLACE FUNCTION pricing.redeem_order(p_order uuid, p_customer uuid, p_currency text, p_now timestamptz,
    p_promotions uuid[], p_codes text[], p_indexes int[], p_per_customer int[], p_first_order int,
    p_redeemed jsonb, p_event_id uuid, p_event_topic text, p_event_type text, p_envelope text)
RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  v_orders int;
BEGIN
  INSERT INTO pricing.redeemed_order (order_id, customer_id, currency, redeemed, created_at)
    VALUES (p_order, p_customer, p_currency, p_redeemed, p_now) ON CONFLICT (order_id) DO NOTHING;
  IF NOT FOUND THEN
    RETURN 'duplicate';
  END IF;
  IF p_customer IS NOT NULL THEN
    INSERT INTO pricing.customer_orders AS c (customer_id, orders) VALUES (p_customer, 1)
      ON CONFLICT (customer_id) DO UPDATE SET orders = c.orders + 1 RETURNING c.orders INTO v_orders;
    IF p_first_order IS NOT NULL AND v_orders > 1 THEN
      RAISE EXCEPTION USING ERRCODE = 'EM422', MESSAGE = 'not_first_order', DETAIL = p_first_order::text;
    END IF;
  END IF;
  FOR i IN 1 .. coalesce(array_length(p_promotions, 1), 0) LOOP
    IF p_customer IS NOT NULL THEN
      INSERT INTO pricing.promotion_customer AS u (promotion_id, customer_id, used) VALUES (p_promotions[i], p_customer, 1)
        ON CONFLICT (promotion_id, customer_id) DO UPDATE SET used = u.used + 1
        WHERE p_per_customer[i] IS NULL OR u.used < p_per_customer[i];
      IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EM422', MESSAGE = 'customer_limit', DETAIL = p_indexes[i]::text;
      END IF;
    END IF;
    UPDATE pricing.promotion SET used = used + 1
      WHERE id = p_promotions[i] AND active AND (usage_limit IS NULL OR used < usage_limit);
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'EM422', MESSAGE = 'exhausted', DETAIL = p_indexes[i]::text;
    END IF;
    INSERT INTO pricing.redemption (order_id, promotion_id, code, customer_id)
      VALUES (p_order, p_promotions[i], p_codes[i], p_customer);
  END LOOP;
  IF p_event_id IS NOT NULL THEN
    INSERT INTO pricing.outbox (id, topic, aggregate_id, event_type, envelope, created_at)
      VALUES (p_event_id, p_event_topic, p_order::text, p_event_type, p_envelope, p_now);
  END IF;
  RETURN 'redeemed';
END
$fn$;

-- Gives back what an order took: marks it released, lowers the counters its redemptions raised and
-- deletes them. Returns the customer's id and whether anything was released. An order never
-- recorded gets a released marker, so a redemption of it arriving late does not count; if a
-- redemption of it commits while the marker waits, that redemption is released instead.
CREATE OR REPLACE FUNCTION pricing.release_order(p_order uuid, p_now timestamptz,
    p_event_id uuid, p_event_topic text, p_event_type text, p_envelope text)
RETURNS boolean LANGUAGE plpgsql AS $fn$
DECLARE
  v_customer uuid;
  v_taken int := 0;
  r record;
BEGIN
  UPDATE pricing.redeemed_order SET released_at = p_now WHERE order_id = p_order AND released_at IS NULL
    RETURNING customer_id INTO v_customer;
  IF NOT FOUND THEN
    INSERT INTO pricing.redeemed_order (order_id, redeemed, created_at, released_at)
      VALUES (p_order, '[]', p_now, p_now) ON CONFLICT (order_id) DO NOTHING;
    IF FOUND THEN
      RETURN false;
    END IF;
    UPDATE pricing.redeemed_order SET released_at = p_now WHERE order_id = p_order AND released_at IS NULL
      RETURNING customer_id INTO v_customer;
    IF NOT FOUND THEN
      RETURN false;
    END IF;
  END IF;
  IF v_customer IS NOT NULL THEN
    UPDATE pricing.customer_orders SET orders = orders - 1 WHERE customer_id = v_customer AND orders > 0;
  END IF;
  FOR r IN SELECT promotion_id FROM pricing.redemption WHERE order_id = p_order ORDER BY promotion_id LOOP
    IF v_customer IS NOT NULL THEN
      UPDATE pricing.promotion_customer SET used = used - 1
        WHERE promotion_id = r.promotion_id AND customer_id = v_customer AND used > 0;
    END IF;
    UPDATE pricing.promotion SET used = used - 1 WHERE id = r.promotion_id AND used > 0;
    v_taken := v_taken + 1;
  END LOOP;
  DELETE FROM pricing.redemption WHERE order_id = p_order;
  IF p_event_id IS NOT NULL AND v_taken > 0 THEN
    INSERT INTO pricing.outbox (id, topic, aggregate_id, event_type, envelope, created_at)
      VALUES (p_event_id, p_event_topic, p_order::text, p_event_type, p_envelope, p_now);
  END IF;
  RETURN true;
END
$fn$;
