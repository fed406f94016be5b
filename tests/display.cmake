# The window back-end under a real X server: plat_present's frames (our MIT-SHM image and
# SDL's window surface) read back from the screen and compared with offscreen ones.
# Runs under xvfb-run (scripts/deps.sh installs xvfb, xauth and xdotool).
find_program(GW_XVFB_RUN xvfb-run)
if(X11_FOUND AND XEXT_FOUND)
  add_executable(test_plat_present ${CMAKE_CURRENT_SOURCE_DIR}/display/test_plat_present.c)
  target_link_libraries(test_plat_present PRIVATE gw_platform PkgConfig::CMOCKA PkgConfig::X11)
  target_compile_definitions(test_plat_present PRIVATE GW_FONT_DIR="${CMAKE_BINARY_DIR}/data/fonts")
  add_dependencies(test_plat_present gw_fonts)  # the fonts in the build tree
  if(GW_XVFB_RUN)
    set(GW_DISPLAY_ENV ${GW_TEST_ENV})
    list(FILTER GW_DISPLAY_ENV EXCLUDE REGEX "^SDL_VIDEODRIVER=")
    list(APPEND GW_DISPLAY_ENV "SDL_VIDEODRIVER=x11")
    add_test(NAME display.plat_present
             COMMAND ${GW_XVFB_RUN} -a -s "-screen 0 1024x768x24 -nolisten tcp" $<TARGET_FILE:test_plat_present>)
    list(APPEND GW_DISPLAY_ENV "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/display/lsan.supp")
    set_tests_properties(display.plat_present PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display)
    # a server without the extension: the presenter falls back to SDL's window surface
    add_test(NAME display.plat_present_no_shm
             COMMAND ${GW_XVFB_RUN} -a -s "-screen 0 1024x768x24 -nolisten tcp -extension MIT-SHM"
                     $<TARGET_FILE:test_plat_present>)
    set_tests_properties(display.plat_present_no_shm PROPERTIES
                         ENVIRONMENT "${GW_DISPLAY_ENV};GW_EXPECT_PRESENT=sdl" LABELS display)
    # the live program: keys while a figure moves and while the screen is still, SIGTERM
    add_test(NAME display.live_input
             COMMAND ${GW_XVFB_RUN} -a -s "-screen 0 1280x800x24 -nolisten tcp"
                     python3 ${CMAKE_CURRENT_SOURCE_DIR}/display/check_live_input.py
                     $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-live-input)
    set_tests_properties(display.live_input PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display)
    # the live program's ends: signals in each mode, the X server killed, a stale window
    # manager note, no display at all (each starts and stops its own Xvfb)
    foreach(what signals nodisplay)
      add_test(NAME display.live_${what}
               COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/display/check_live_signals.py
                       $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-live-${what} ${what})
      set_tests_properties(display.live_${what} PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display TIMEOUT 240)
    endforeach()
    # a key held down (the server's auto-repeat): a press acts once, a key that moves
    # repeats, the kiosk's Space held 3 s turns read aloud on; its own X server
    add_test(NAME display.live_keys
             COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/display/check_live_keys.py
                     $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-live-keys)
    set_tests_properties(display.live_keys PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display TIMEOUT 240)
    # present with two displays (two monitors side by side on Xorg's dummy driver, Xinerama,
    # two X screens) and one; its own X servers
    add_test(NAME display.present_xinerama
             COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/display/check_present_xinerama.py
                     $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-present-xinerama)
    set_tests_properties(display.present_xinerama PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display TIMEOUT 240)
    # the live loop draws what moves (the kiosk's attract orb, the pacer) and nothing when still
    add_test(NAME display.live_frames
             COMMAND ${GW_XVFB_RUN} -a -s "-screen 0 1280x800x24 -nolisten tcp"
                     python3 ${CMAKE_CURRENT_SOURCE_DIR}/display/check_live_frames.py
                     $<TARGET_FILE:groundwork> ${CMAKE_BINARY_DIR}/test-live-frames)
    set_tests_properties(display.live_frames PROPERTIES ENVIRONMENT "${GW_DISPLAY_ENV}" LABELS display)
  else()
    message(WARNING "xvfb-run not found: display.plat_present is not run (scripts/deps.sh installs xvfb)")
    gw_tool_missing(display.xvfb_missing display
                    "xvfb-run not found: the display tests are left out (scripts/deps.sh installs xvfb)")
  endif()
else()
  gw_tool_missing(display.x11_missing display
                  "Xlib or Xext not found: the display tests are left out (scripts/deps.sh installs libx11-dev, libxext-dev)")
endif()
