;; The score-only walk of the isolation forest (issue 14), in WebAssembly: compact-forest.ts's node
;; layout, creditWalk's arithmetic operation for operation (so the path lengths are the same to the
;; bit), without the credits. forest-walk.wasm is this file assembled (npm run build:wasm); a test
;; checks that the committed binary is this source.
;;
;; Why WebAssembly, lanes and SIMD: one flow's walk is a chain of dependent loads (node -> feature
;; value -> threshold -> next node) with an unpredictable left/right choice at every node, and at
;; 15 % of the nodes (measured on 4,096 flows, 600 trees) a value outside the node's training range
;; whose cut-off arithmetic is behind another unpredictable branch. So `lanes` flows walk the same
;; tree side by side, one node each per round, and the chains of different flows overlap; the flows
;; go in pairs, one f64x2 lane each, so the range test and its arithmetic run for both at once,
;; without a branch: a flow inside the range (or null, or already at its leaf) gets a cut of 0,
;; which adds 0 to `expected` and multiplies `reach` by 1, leaving both exactly as they were. The
;; child is picked with an i32 `select`. Per flow, on 600 trees of 4,096 rows: the JavaScript walk
;; took 66-72 us, one flow a lane with branches 41-44 us, these pairs 30-31 us (same results to
;; the bit). f64x2.max in place of the two masks was slower (V8 spends several instructions on its
;; NaN and -0 rules).
;;
;; Memory (shared, imported): nodes of 32 bytes (f64 threshold, f64 lo, f64 hi, i32 meta, i32 right
;; child's node index); meta is the split feature, bit 16 set when nulls go left, -1 at a leaf,
;; where the threshold slot holds c(size). roots: i32 node index of each tree's root. xs: `count`
;; flows of `width` f64 each (NaN = null). depths: count f64, each flow's path lengths added to it
;; tree by tree. scratch: walk's 64 bytes a pair of lanes (i32 node address, meta, flow address
;; and depth, each of lane A then lane B; f64x2 reach; f64x2 expected), creditWalk's 64 bytes a lane
;; (i32 node address, meta, flow address, depth; f64 reach, expected; i32 address of the flow's
;; credits).
;;
;; creditWalk is compact-forest.ts's attribution walk: the same path lengths, and each split's
;; isolation credit added to the flow's split feature (`bits`: 3 f64 a node, log2(size), log2(size /
;; left size), log2(size / right size); `credits`: `width` f64 a flow, like xs).
(module
  (import "env" "memory" (memory 1 65536 shared))
  (func (export "walk")
    (param $nodes i32) (param $roots i32) (param $trees i32) (param $xs i32) (param $width i32)
    (param $count i32) (param $depths i32) (param $lanes i32) (param $scratch i32)
    (local $t i32) (local $j i32) (local $root i32) (local $rootMeta i32) (local $stride i32)
    (local $n i32) (local $end i32) (local $s i32) (local $flow i32) (local $active i32) (local $p i32) (local $k i32)
    (local $oA i32) (local $oB i32) (local $mA i32) (local $mB i32) (local $aA i32) (local $aB i32)
    (local $vA f64) (local $vB f64) (local $leftA i32) (local $leftB i32)
    (local $V v128) (local $LO v128) (local $HI v128) (local $OUT v128) (local $CUT v128) (local $MASK v128) (local $R v128)
    (local.set $stride (i32.shl (local.get $width) (i32.const 3)))
    (block $trees_done (loop $each_tree
      (br_if $trees_done (i32.ge_u (local.get $t) (local.get $trees)))
      (local.set $root (i32.add (local.get $nodes)
        (i32.shl (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 5))))
      (local.set $rootMeta (i32.load offset=24 (local.get $root)))
      (local.set $j (i32.const 0))
      (block $flows_done (loop $each_group
        (br_if $flows_done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $n (select (local.get $lanes) (i32.sub (local.get $count) (local.get $j))
            (i32.lt_u (local.get $lanes) (i32.sub (local.get $count) (local.get $j)))))
        ;; pairs needed: (n + 1) / 2
        (local.set $end (i32.add (local.get $scratch) (i32.shl (i32.shr_u (i32.add (local.get $n) (i32.const 1)) (i32.const 1)) (i32.const 6))))
        (local.set $s (local.get $scratch))
        (local.set $flow (i32.add (local.get $xs) (i32.mul (local.get $j) (local.get $stride))))
        (local.set $k (i32.const 0))
        (loop $start_pair
          (i32.store (local.get $s) (local.get $root))
          (i32.store offset=4 (local.get $s) (local.get $root))
          (i32.store offset=8 (local.get $s) (local.get $rootMeta))
          ;; lane B of an odd last pair starts done
          (i32.store offset=12 (local.get $s) (select (local.get $rootMeta) (i32.const -1) (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
          (i32.store offset=16 (local.get $s) (local.get $flow))
          (i32.store offset=20 (local.get $s) (select (i32.add (local.get $flow) (local.get $stride)) (local.get $flow) (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
          (i64.store offset=24 (local.get $s) (i64.const 0))
          (v128.store offset=32 (local.get $s) (f64x2.splat (f64.const 1)))
          (v128.store offset=48 (local.get $s) (f64x2.splat (f64.const 0)))
          (local.set $flow (i32.add (local.get $flow) (i32.shl (local.get $stride) (i32.const 1))))
          (local.set $k (i32.add (local.get $k) (i32.const 2)))
          (local.set $s (i32.add (local.get $s) (i32.const 64)))
          (br_if $start_pair (i32.lt_u (local.get $s) (local.get $end))))
        (loop $round
          (local.set $active (i32.const 0))
          (local.set $s (local.get $scratch))
          (loop $each_pair
            (local.set $mA (i32.load offset=8 (local.get $s)))
            (local.set $mB (i32.load offset=12 (local.get $s)))
            (if (i32.or (i32.ge_s (local.get $mA) (i32.const 0)) (i32.ge_s (local.get $mB) (i32.const 0))) (then
              (local.set $oA (i32.load (local.get $s)))
              (local.set $oB (i32.load offset=4 (local.get $s)))
              ;; a done lane reads feature 0 of its flow (a valid address) and is masked below
              (local.set $vA (f64.load (i32.add (i32.load offset=16 (local.get $s))
                (i32.shl (i32.and (local.get $mA) (select (i32.const 0xffff) (i32.const 0) (i32.ge_s (local.get $mA) (i32.const 0)))) (i32.const 3)))))
              (local.set $vB (f64.load (i32.add (i32.load offset=20 (local.get $s))
                (i32.shl (i32.and (local.get $mB) (select (i32.const 0xffff) (i32.const 0) (i32.ge_s (local.get $mB) (i32.const 0)))) (i32.const 3)))))
              (local.set $leftA (select (i32.ne (i32.and (local.get $mA) (i32.const 0x10000)) (i32.const 0))
                (f64.lt (local.get $vA) (f64.load (local.get $oA))) (f64.ne (local.get $vA) (local.get $vA))))
              (local.set $leftB (select (i32.ne (i32.and (local.get $mB) (i32.const 0x10000)) (i32.const 0))
                (f64.lt (local.get $vB) (f64.load (local.get $oB))) (f64.ne (local.get $vB) (local.get $vB))))
              (local.set $V (f64x2.replace_lane 1 (f64x2.splat (local.get $vA)) (local.get $vB)))
              (local.set $LO (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=8 (local.get $oA))) (f64.load offset=8 (local.get $oB))))
              (local.set $HI (f64x2.replace_lane 1 (f64x2.splat (f64.load offset=16 (local.get $oA))) (f64.load offset=16 (local.get $oB))))
              ;; lanes that count: active and not null
              (local.set $MASK (v128.and (f64x2.eq (local.get $V) (local.get $V))
                (i64x2.replace_lane 1
                  (i64x2.splat (i64.extend_i32_s (i32.sub (i32.const 0) (i32.ge_s (local.get $mA) (i32.const 0)))))
                  (i64.extend_i32_s (i32.sub (i32.const 0) (i32.ge_s (local.get $mB) (i32.const 0)))))))
              ;; outside = max(lo - v, v - hi, 0): the distance outside [lo, hi], 0 inside
              (local.set $OUT (v128.bitselect (f64x2.sub (local.get $LO) (local.get $V))
                (v128.bitselect (f64x2.sub (local.get $V) (local.get $HI)) (f64x2.splat (f64.const 0)) (f64x2.gt (local.get $V) (local.get $HI)))
                (f64x2.lt (local.get $V) (local.get $LO))))
              (local.set $CUT (v128.bitselect
                (f64x2.div (local.get $OUT) (f64x2.add (f64x2.sub (local.get $HI) (local.get $LO)) (local.get $OUT)))
                (f64x2.splat (f64.const 0))
                (local.get $MASK)))
              (local.set $R (v128.load offset=32 (local.get $s)))
              (v128.store offset=48 (local.get $s) (f64x2.add (v128.load offset=48 (local.get $s))
                (f64x2.mul (f64x2.mul (local.get $R) (local.get $CUT))
                  (f64x2.convert_low_i32x4_s (i32x4.add (v128.load64_zero offset=24 (local.get $s)) (i32x4.splat (i32.const 1)))))))
              (v128.store offset=32 (local.get $s) (f64x2.mul (local.get $R) (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $CUT))))
              ;; next nodes; a done lane stays
              (local.set $aA (select
                (select (i32.add (local.get $oA) (i32.const 32))
                  (i32.add (local.get $nodes) (i32.shl (i32.load offset=28 (local.get $oA)) (i32.const 5)))
                  (local.get $leftA))
                (local.get $oA)
                (i32.ge_s (local.get $mA) (i32.const 0))))
              (local.set $aB (select
                (select (i32.add (local.get $oB) (i32.const 32))
                  (i32.add (local.get $nodes) (i32.shl (i32.load offset=28 (local.get $oB)) (i32.const 5)))
                  (local.get $leftB))
                (local.get $oB)
                (i32.ge_s (local.get $mB) (i32.const 0))))
              (i32.store (local.get $s) (local.get $aA))
              (i32.store offset=4 (local.get $s) (local.get $aB))
              (i32.store offset=8 (local.get $s) (i32.load offset=24 (local.get $aA)))
              (i32.store offset=12 (local.get $s) (select (i32.load offset=24 (local.get $aB)) (i32.const -1) (i32.ge_s (local.get $mB) (i32.const 0))))
              (i32.store offset=24 (local.get $s) (i32.add (i32.load offset=24 (local.get $s)) (i32.ge_s (local.get $mA) (i32.const 0))))
              (i32.store offset=28 (local.get $s) (i32.add (i32.load offset=28 (local.get $s)) (i32.ge_s (local.get $mB) (i32.const 0))))
              (local.set $active (i32.const 1))))
            (local.set $s (i32.add (local.get $s) (i32.const 64)))
            (br_if $each_pair (i32.lt_u (local.get $s) (local.get $end))))
          (br_if $round (local.get $active)))
        ;; depths[j] += expected + reach * (depth + c(leaf size)), lane by lane
        (local.set $s (local.get $scratch))
        (local.set $k (i32.const 0))
        (loop $end_pair
          (local.set $p (i32.add (local.get $depths) (i32.shl (i32.add (local.get $j) (local.get $k)) (i32.const 3))))
          (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
            (f64.add (f64x2.extract_lane 0 (v128.load offset=48 (local.get $s)))
              (f64.mul (f64x2.extract_lane 0 (v128.load offset=32 (local.get $s)))
                (f64.add (f64.convert_i32_s (i32.load offset=24 (local.get $s))) (f64.load (i32.load (local.get $s))))))))
          (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n)) (then
            (f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p))
              (f64.add (f64x2.extract_lane 1 (v128.load offset=48 (local.get $s)))
                (f64.mul (f64x2.extract_lane 1 (v128.load offset=32 (local.get $s)))
                  (f64.add (f64.convert_i32_s (i32.load offset=28 (local.get $s))) (f64.load (i32.load offset=4 (local.get $s))))))))))
          (local.set $k (i32.add (local.get $k) (i32.const 2)))
          (local.set $s (i32.add (local.get $s) (i32.const 64)))
          (br_if $end_pair (i32.lt_u (local.get $s) (local.get $end))))
        (local.set $j (i32.add (local.get $j) (local.get $n)))
        (br $each_group)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $each_tree))))

  (func (export "creditWalk")
    (param $nodes i32) (param $bits i32) (param $roots i32) (param $trees i32) (param $xs i32) (param $width i32)
    (param $count i32) (param $depths i32) (param $credits i32) (param $lanes i32) (param $scratch i32)
    (local $t i32) (local $j i32) (local $root i32) (local $rootMeta i32) (local $stride i32)
    (local $end i32) (local $s i32) (local $flow i32) (local $active i32) (local $p i32)
    (local $o i32) (local $m i32) (local $depth i32) (local $left i32) (local $b i32)
    (local $v f64) (local $lo f64) (local $hi f64) (local $outside f64) (local $cut f64) (local $reach f64)
    (local.set $stride (i32.shl (local.get $width) (i32.const 3)))
    (block $trees_done (loop $each_tree
      (br_if $trees_done (i32.ge_u (local.get $t) (local.get $trees)))
      (local.set $root (i32.add (local.get $nodes)
        (i32.shl (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))) (i32.const 5))))
      (local.set $rootMeta (i32.load offset=24 (local.get $root)))
      (local.set $j (i32.const 0))
      (block $flows_done (loop $each_group
        (br_if $flows_done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $end (i32.add (local.get $scratch) (i32.shl
          (select (local.get $lanes) (i32.sub (local.get $count) (local.get $j))
            (i32.lt_u (local.get $lanes) (i32.sub (local.get $count) (local.get $j))))
          (i32.const 6))))
        (local.set $s (local.get $scratch))
        (local.set $flow (i32.mul (local.get $j) (local.get $stride)))
        (loop $start_lane
          (i32.store (local.get $s) (local.get $root))
          (i32.store offset=4 (local.get $s) (local.get $rootMeta))
          (i32.store offset=8 (local.get $s) (i32.add (local.get $xs) (local.get $flow)))
          (i32.store offset=12 (local.get $s) (i32.const 0))
          (f64.store offset=16 (local.get $s) (f64.const 1))
          (f64.store offset=24 (local.get $s) (f64.const 0))
          (i32.store offset=32 (local.get $s) (i32.add (local.get $credits) (local.get $flow)))
          (local.set $flow (i32.add (local.get $flow) (local.get $stride)))
          (local.set $s (i32.add (local.get $s) (i32.const 64)))
          (br_if $start_lane (i32.lt_u (local.get $s) (local.get $end))))
        (loop $round
          (local.set $active (i32.const 0))
          (local.set $s (local.get $scratch))
          (loop $each_lane
            (local.set $m (i32.load offset=4 (local.get $s)))
            (if (i32.ge_s (local.get $m) (i32.const 0)) (then
              (local.set $o (i32.load (local.get $s)))
              (local.set $depth (i32.load offset=12 (local.get $s)))
              (local.set $v (f64.load (i32.add (i32.load offset=8 (local.get $s))
                (i32.shl (i32.and (local.get $m) (i32.const 0xffff)) (i32.const 3)))))
              (if (f64.ne (local.get $v) (local.get $v))
                (then
                  (local.set $left (i32.ne (i32.and (local.get $m) (i32.const 0x10000)) (i32.const 0))))
                (else
                  (local.set $left (f64.lt (local.get $v) (f64.load (local.get $o))))
                  (local.set $lo (f64.load offset=8 (local.get $o)))
                  (local.set $hi (f64.load offset=16 (local.get $o)))
                  (local.set $outside (select
                    (f64.sub (local.get $lo) (local.get $v))
                    (select (f64.sub (local.get $v) (local.get $hi)) (f64.const 0) (f64.gt (local.get $v) (local.get $hi)))
                    (f64.lt (local.get $v) (local.get $lo))))
                  (local.set $cut (select
                    (f64.div (local.get $outside) (f64.add (f64.sub (local.get $hi) (local.get $lo)) (local.get $outside)))
                    (f64.const 0)
                    (f64.gt (local.get $outside) (f64.const 0))))
                  (local.set $reach (f64.load offset=16 (local.get $s)))
                  ;; credit[feature] += reach * (cut * log2(size) + (1 - cut) * log2(size / side's size))
                  (local.set $b (i32.add (local.get $bits) (i32.mul (i32.shr_u (i32.sub (local.get $o) (local.get $nodes)) (i32.const 5)) (i32.const 24))))
                  (local.set $p (i32.add (i32.load offset=32 (local.get $s)) (i32.shl (i32.and (local.get $m) (i32.const 0xffff)) (i32.const 3))))
                  (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
                    (f64.mul (local.get $reach)
                      (f64.add (f64.mul (local.get $cut) (f64.load (local.get $b)))
                        (f64.mul (f64.sub (f64.const 1) (local.get $cut))
                          (select (f64.load offset=8 (local.get $b)) (f64.load offset=16 (local.get $b)) (local.get $left)))))))
                  (f64.store offset=24 (local.get $s) (f64.add (f64.load offset=24 (local.get $s))
                    (f64.mul (f64.mul (local.get $reach) (local.get $cut))
                      (f64.convert_i32_s (i32.add (local.get $depth) (i32.const 1))))))
                  (f64.store offset=16 (local.get $s)
                    (f64.mul (local.get $reach) (f64.sub (f64.const 1) (local.get $cut))))))
              (local.set $o (select
                (i32.add (local.get $o) (i32.const 32))
                (i32.add (local.get $nodes) (i32.shl (i32.load offset=28 (local.get $o)) (i32.const 5)))
                (local.get $left)))
              (i32.store (local.get $s) (local.get $o))
              (i32.store offset=4 (local.get $s) (i32.load offset=24 (local.get $o)))
              (i32.store offset=12 (local.get $s) (i32.add (local.get $depth) (i32.const 1)))
              (local.set $active (i32.const 1))))
            (local.set $s (i32.add (local.get $s) (i32.const 64)))
            (br_if $each_lane (i32.lt_u (local.get $s) (local.get $end))))
          (br_if $round (local.get $active)))
        (local.set $s (local.get $scratch))
        (loop $end_lane
          (local.set $p (i32.add (local.get $depths) (i32.shl (local.get $j) (i32.const 3))))
          (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
            (f64.add (f64.load offset=24 (local.get $s))
              (f64.mul (f64.load offset=16 (local.get $s))
                (f64.add (f64.convert_i32_s (i32.load offset=12 (local.get $s))) (f64.load (i32.load (local.get $s))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (local.set $s (i32.add (local.get $s) (i32.const 64)))
          (br_if $end_lane (i32.lt_u (local.get $s) (local.get $end))))
        (br $each_group)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $each_tree))))
)
