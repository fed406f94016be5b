# End-to-end: the real program, headless, on the virtual clock.
set(GW_PY_ENV ${GW_TEST_ENV} "GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data" "XDG_DATA_HOME=${CMAKE_BINARY_DIR}/test-home/data"
    "XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/test-home/config" "GW_E2E_DIR=${CMAKE_CURRENT_SOURCE_DIR}/e2e")
add_test(NAME e2e.box_trace COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_box_trace.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.render_pixels COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_render.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.pacer_styles COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_pacer_styles.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.pacer_controls COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_pacer_controls.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.pacer_eight_hours COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_pacer_long.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.box_trace e2e.render_pixels e2e.pacer_styles e2e.pacer_controls e2e.pacer_eight_hours PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
add_test(NAME e2e.trace_478 COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_478_trace.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.kiosk_unattended COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_kiosk_unattended.py $<TARGET_FILE:groundwork>)
add_test(NAME e2e.summary_lengths COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_summary_lengths.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.trace_478 e2e.kiosk_unattended e2e.summary_lengths PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
# the script's pointer (hover): a library card under the mouse shows its hover state
add_test(NAME e2e.hover COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_hover.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.hover PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
# the attract screen in one language at a time: a card goes on in the language shown
add_test(NAME e2e.kiosk_languages COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_kiosk_languages.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.kiosk_languages PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
# the library in each language of the built-in pack: its titles, summaries and cautions, not English
add_test(NAME e2e.list_translated COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_list_translated.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.list_translated PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
add_test(NAME e2e.home_log COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_home_log.py $<TARGET_FILE:groundwork>)
# what the person changed (pace, breaths, style) in the practice log's export
add_test(NAME e2e.adjustments_log COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_adjustments_log.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.adjustments_log PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
set_tests_properties(e2e.box_trace e2e.render_pixels e2e.home_log PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
# the progress chart with several sessions a day (pixels: marks apart, before joined to after) and a tapped mark's details
add_test(NAME e2e.progress_chart COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_progress_chart.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.progress_chart PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
file(GLOB GW_PLAY_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/scripts/*.jsonl)
foreach(s ${GW_PLAY_SCRIPTS})
  get_filename_component(name ${s} NAME_WE)
  add_test(NAME play.${name} COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/play_check.py $<TARGET_FILE:groundwork> ${s})
  set_tests_properties(play.${name} PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
endforeach()

# Command-line contract: usage errors exit 2 on stderr; bad scripts name their line.
add_test(NAME cli.usage_errors COMMAND sh -c "
  '$<TARGET_FILE:groundwork>' --bogus 2>/dev/null; [ $? -eq 2 ] || exit 1
  '$<TARGET_FILE:groundwork>' render --size 12 --out x.png 2>/dev/null; [ $? -eq 2 ] || exit 1
  '$<TARGET_FILE:groundwork>' play --cycles 0 2>/dev/null; [ $? -eq 2 ] || exit 1
  '$<TARGET_FILE:groundwork>' frobnicate 2>/dev/null; [ $? -eq 2 ] || exit 1
  '$<TARGET_FILE:groundwork>' --version | grep -q '^groundwork ${PROJECT_VERSION}$' || exit 1
  '$<TARGET_FILE:groundwork>' --help | grep -q 'validate PATH' || exit 1")
add_test(NAME cli.bad_script_line COMMAND sh -c "
  d=$(mktemp -d); printf '{\"at\": 0, \"end\": true}\\n{\"at\": 1, \"tap\": [3, 3]}\\n' > $d/s.jsonl
  '$<TARGET_FILE:groundwork>' play --no-draw --script $d/s.jsonl 2> $d/err; rc=$?
  grep -q 's.jsonl:2: a tap or click takes' $d/err && [ $rc -eq 2 ]")
add_test(NAME cli.unknown_exercise COMMAND sh -c "
  out=$('$<TARGET_FILE:groundwork>' play --no-draw --exercise nope 2>&1); rc=$?
  [ $rc -eq 1 ] && printf '%s' \"$out\" | grep -q 'no exercise \"nope\"'")
set_tests_properties(cli.usage_errors cli.bad_script_line cli.unknown_exercise PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
add_test(NAME e2e.incremental_redraw COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_incremental.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.incremental_redraw PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)

# Scripts that change settings run with a settings folder of their own, emptied first,
# so they neither see nor leave settings that other scripts run with.
file(GLOB GW_SETTINGS_SCRIPTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/e2e/settings_scripts/*.jsonl)
foreach(s ${GW_SETTINGS_SCRIPTS})
  get_filename_component(name ${s} NAME_WE)
  set(home ${CMAKE_BINARY_DIR}/test-home-${name})
  add_test(NAME play.${name} COMMAND sh -c "rm -rf '${home}' && exec python3 '${CMAKE_CURRENT_SOURCE_DIR}/e2e/play_check.py' \"$0\" '${s}'"
           $<TARGET_FILE:groundwork>)
  set_tests_properties(play.${name} PROPERTIES LABELS e2e ENVIRONMENT
    "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_DATA_HOME=${home}/data;XDG_CONFIG_HOME=${home}/config")
endforeach()

# Files the program writes for the person: private, whole, never clobbering (log export).
add_test(NAME e2e.log_export COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_log_export.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.log_export PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
add_test(NAME e2e.log_retry COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_log_retry.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.log_retry PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)

# Every exercise's cautions on screen before it starts, in every mode and language.
add_test(NAME e2e.cautions COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_cautions.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.cautions PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)

# Quitting: asked on Escape, at once from the Quit button and Ctrl+Q, nothing typed lost.
add_test(NAME e2e.quit COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_quit.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.quit PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
# The coping skills added to the built-in pack: cautions first, each plays to its end, its
# timed length is the one list and the cards show, and it renders in four languages at 100%
# and 200% text (tests/e2e/check_skills.py)
add_test(NAME e2e.skills COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/e2e/check_skills.py $<TARGET_FILE:groundwork>)
set_tests_properties(e2e.skills PROPERTIES ENVIRONMENT "${GW_PY_ENV}" LABELS e2e)
