# Soaks: hours of virtual time under `play` with generated, seeded input, the live heap
# sampled every virtual hour (`play --heap-every 3600`). In build-asan (make test
# SANITIZE=1) they run under AddressSanitizer with LeakSanitizer on, and the heap is the
# sanitizer's own count. Label `soak`; see docs/testing.md for the figures.
#   kiosk 24 h and home 8 h, drawn with the software renderer every 30th step (2 frames
#   a virtual second): the text cache within its 24 MiB, and the rest of the heap flat
#   after a 2-hour warm-up within 512 KiB (kiosk) or 1 MiB (home: text sizes 100-200%
#   give its 48 fonts glyph caches of more sizes, which vary by some 0.6 MiB);
#   the same without drawing: flat within 256 KiB after the first hour (the kiosk: after
#   the third). The fonts (one set shared by layouts and drawing, at most 48 open, some
#   100-400 KiB each with their glyphs) may go on opening sizes met for the first time
#   until the set is full (the kiosk without drawing: hour 7); the heap is then judged
#   from the hour their count settles.
set(_gw_soak ${CMAKE_CURRENT_SOURCE_DIR}/soak/check_soak.py $<TARGET_FILE:groundwork> ${CMAKE_SOURCE_DIR})
add_test(NAME soak.kiosk_24h COMMAND python3 ${_gw_soak} --mode kiosk --hours 24 --seed 1 --draw-every 30
         --warmup-hours 2 --bound-kib 512)
add_test(NAME soak.home_8h COMMAND python3 ${_gw_soak} --mode home --hours 8 --seed 1 --draw-every 30
         --warmup-hours 2 --bound-kib 1024)
add_test(NAME soak.kiosk_24h_nodraw COMMAND python3 ${_gw_soak} --mode kiosk --hours 24 --seed 2
         --warmup-hours 3 --bound-kib 256)
add_test(NAME soak.home_8h_nodraw COMMAND python3 ${_gw_soak} --mode home --hours 8 --seed 2 --bound-kib 256)
set_tests_properties(soak.kiosk_24h soak.home_8h soak.kiosk_24h_nodraw soak.home_8h_nodraw PROPERTIES
                     ENVIRONMENT "${GW_PY_ENV}" LABELS soak TIMEOUT 900)
