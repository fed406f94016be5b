# Screens laid out at every text size: the boxes of a drawn frame (its draw list,
# measured with the renderer's fonts) in en, es, de and ar at 100%, 150% and 200% text.
# prompts.layout: every step of every prompt exercise (hint, notes, pages, timers), at
# 1280x720 and 1920x1080;
# progress.layout: the progress screen with a session's details open.
# cautions.layout: "Before you begin" for every exercise with cautions, every page.
# library.layout: the home library, every page (headings kept with their cards, one
# title size, full pages).
# help.layout: the safety line over the library and an exercise, on pages at large text.
#   Present mode's key list: opened by F1 at its first page, every page, closed.
# days.layout: the progress chart's week names its seven days alike, apart.
# chart.layout: the progress chart's month view draws each week's averages as its legend shows them.
# attract.layout: the kiosk's resting screen: its crisis line at the body text's size, whole.
# welcome.layout: the first-run welcome keeps the design's spacing at every text size.
# admin.layout: the kiosk's administrator keypad with its messages, inside the window.
# guided.layout: every caption of every muscle relaxation, piece by piece.
# pacer.layout: every breathing exercise in every pacer style through a breath, running
# and paused, at 1280x720 and 1920x1080.
# controls.layout: at 100% text the breathing controls stay one row under the figure in
# every language (labels on two lines rather than a column), still as their labels change;
# its texts apart running and paused.
# panel.layout: present mode's panel names the step back as the exercise beside it does.
# settings.layout: the settings, every page, at 1280x720 and 1920x1080: nothing cut
# or overlapping, no page nearly empty (nor the data panel's alone), few pages at 200%.
foreach(t prompts progress cautions library help days chart attract welcome admin guided pacer controls panel settings)
  add_executable(test_${t}_layout ${CMAKE_CURRENT_SOURCE_DIR}/layout/test_${t}_layout.c)
  target_link_libraries(test_${t}_layout PRIVATE gw_test_env m)
  add_dependencies(test_${t}_layout gw_fonts gw_locale)
  add_test(NAME ${t}.layout COMMAND test_${t}_layout)
  set_tests_properties(${t}.layout PROPERTIES LABELS unit
    ENVIRONMENT "${GW_TEST_ENV};GROUNDWORK_DATA_DIR=${CMAKE_BINARY_DIR}/data;XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/layout-home/config;XDG_DATA_HOME=${CMAKE_BINARY_DIR}/layout-home/data;XDG_STATE_HOME=${CMAKE_BINARY_DIR}/layout-home/state")
endforeach()
