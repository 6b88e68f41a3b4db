;; The score-only walk of the isolation forest (issue 14), in WebAssembly: compact-forest.ts's node
;; layout, creditWalk's arithmetic operation for operation (so the path lengths are the same to the
;; bit), without the credits. forest-walk.wasm is this file assembled (npm run build:wasm); a test
;; checks that the committed binary is this source.
;;
;; Why WebAssembly, and why lanes: one flow's walk is a chain of dependent loads (node -> feature
;; value -> threshold -> next node) and an unpredictable left/right branch at every node, so a
;; single walk leaves the core mostly waiting. `lanes` flows walk the same tree side by side, one
;; node each per round, so the chains of different flows overlap; the child is picked with
;; `select` rather than a branch. In JavaScript the same lanes were slower than one flow at a time
;; (the lane state round-trips through typed arrays with bounds checks). Measured on 4,096 flows of
;; the bench's address-heavy CSV through the 600 trees fitted on it: the JavaScript walk 54-56 us a
;; flow, this one 24.6-25.6 us (8 or 16 lanes; 4 lanes 29 us). The out-of-range arithmetic stays
;; behind a branch: real flows fall outside a node's training range at 1.6 % of the visits, so the
;; branch is well predicted. Tried and dropped: flows in pairs, one f64x2 lane each, with that
;; arithmetic done for every visit without a branch: 30-32 us on the same flows (faster only on
;; flows jittered by +-5 %, 15 % of the visits out of range).
;;
;; Memory (shared, imported): nodes of 32 bytes (f64 threshold, f64 lo, f64 hi, i32 meta, i32 right
;; child's node index); meta is the split feature, bit 16 set when nulls go left, -1 at a leaf,
;; where the threshold slot holds c(size). roots: i32 node index of each tree's root. xs: `count`
;; flows of `width` f64 each (NaN = null). depths: count f64, each flow's path lengths added to it
;; tree by tree. scratch: 32 bytes a lane (i32 node address, i32 meta, i32 flow address, i32 depth,
;; f64 reach, f64 expected); creditWalk's lanes are 64 bytes, the same plus the i32 address of the
;; flow's credits.
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
    (local $end i32) (local $s i32) (local $flow i32) (local $active i32) (local $p i32)
    (local $o i32) (local $m i32) (local $depth i32) (local $left i32)
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
        ;; the next min(lanes, count - j) flows, one a lane, all at the root
        (local.set $end (i32.add (local.get $scratch) (i32.shl
          (select (local.get $lanes) (i32.sub (local.get $count) (local.get $j))
            (i32.lt_u (local.get $lanes) (i32.sub (local.get $count) (local.get $j))))
          (i32.const 5))))
        (local.set $s (local.get $scratch))
        (local.set $flow (i32.add (local.get $xs) (i32.mul (local.get $j) (local.get $stride))))
        (loop $start_lane
          (i32.store (local.get $s) (local.get $root))
          (i32.store offset=4 (local.get $s) (local.get $rootMeta))
          (i32.store offset=8 (local.get $s) (local.get $flow))
          (i32.store offset=12 (local.get $s) (i32.const 0))
          (f64.store offset=16 (local.get $s) (f64.const 1))
          (f64.store offset=24 (local.get $s) (f64.const 0))
          (local.set $flow (i32.add (local.get $flow) (local.get $stride)))
          (local.set $s (i32.add (local.get $s) (i32.const 32)))
          (br_if $start_lane (i32.lt_u (local.get $s) (local.get $end))))
        ;; rounds: every lane not yet at a leaf takes one step down
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
                (then ;; null: the side the split fixed for nulls, no cut
                  (local.set $left (i32.ne (i32.and (local.get $m) (i32.const 0x10000)) (i32.const 0))))
                (else
                  (local.set $left (f64.lt (local.get $v) (f64.load (local.get $o))))
                  (local.set $lo (f64.load offset=8 (local.get $o)))
                  (local.set $hi (f64.load offset=16 (local.get $o)))
                  (if (i32.or (f64.lt (local.get $v) (local.get $lo)) (f64.gt (local.get $v) (local.get $hi)))
                    (then ;; outside the node's training range: cut off here with probability `cut`
                      (local.set $outside (select
                        (f64.sub (local.get $lo) (local.get $v))
                        (f64.sub (local.get $v) (local.get $hi))
                        (f64.lt (local.get $v) (local.get $lo))))
                      (local.set $cut (f64.div (local.get $outside)
                        (f64.add (f64.sub (local.get $hi) (local.get $lo)) (local.get $outside))))
                      (local.set $reach (f64.load offset=16 (local.get $s)))
                      (f64.store offset=24 (local.get $s) (f64.add (f64.load offset=24 (local.get $s))
                        (f64.mul (f64.mul (local.get $reach) (local.get $cut))
                          (f64.convert_i32_s (i32.add (local.get $depth) (i32.const 1))))))
                      (f64.store offset=16 (local.get $s)
                        (f64.mul (local.get $reach) (f64.sub (f64.const 1) (local.get $cut))))))))
              (local.set $o (select
                (i32.add (local.get $o) (i32.const 32))
                (i32.add (local.get $nodes) (i32.shl (i32.load offset=28 (local.get $o)) (i32.const 5)))
                (local.get $left)))
              (i32.store (local.get $s) (local.get $o))
              (i32.store offset=4 (local.get $s) (i32.load offset=24 (local.get $o)))
              (i32.store offset=12 (local.get $s) (i32.add (local.get $depth) (i32.const 1)))
              (local.set $active (i32.const 1))))
            (local.set $s (i32.add (local.get $s) (i32.const 32)))
            (br_if $each_lane (i32.lt_u (local.get $s) (local.get $end))))
          (br_if $round (local.get $active)))
        ;; depths[j] += expected + reach * (depth + c(leaf size))
        (local.set $s (local.get $scratch))
        (loop $end_lane
          (local.set $p (i32.add (local.get $depths) (i32.shl (local.get $j) (i32.const 3))))
          (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
            (f64.add (f64.load offset=24 (local.get $s))
              (f64.mul (f64.load offset=16 (local.get $s))
                (f64.add (f64.convert_i32_s (i32.load offset=12 (local.get $s))) (f64.load (i32.load (local.get $s))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (local.set $s (i32.add (local.get $s) (i32.const 32)))
          (br_if $end_lane (i32.lt_u (local.get $s) (local.get $end))))
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
