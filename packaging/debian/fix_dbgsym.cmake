# CPACK_POST_BUILD_SCRIPTS: puts right the debug symbols package CPack makes
# (CPACK_DEBIAN_DEBUGINFO_PACKAGE) for a package without components, as dh_strip makes
# one: its md5sums name the files inside the package (CPack writes the absolute paths
# of its staging folder, so `dpkg --verify` and lintian find none), the .debug files are
# 0644 (not executables), and usr/share/doc/groundwork-dbgsym is a link to groundwork,
# whose copyright and changelog then cover it (the package depends on that exact version).
foreach(pkg IN LISTS CPACK_PACKAGE_FILES)
  if(NOT pkg MATCHES "-dbgsym_[^/]*\\.ddeb$")
    continue()
  endif()
  get_filename_component(dir "${pkg}" DIRECTORY)
  set(tree "${dir}/dbgsym-fix")
  file(REMOVE_RECURSE "${tree}")
  execute_process(COMMAND dpkg-deb -R "${pkg}" "${tree}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot unpack ${pkg}")
  endif()
  file(GLOB_RECURSE debugs LIST_DIRECTORIES false RELATIVE "${tree}" "${tree}/usr/*")
  list(SORT debugs)
  set(sums "")
  foreach(f IN LISTS debugs)
    file(CHMOD "${tree}/${f}" FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
    file(MD5 "${tree}/${f}" md5)
    string(APPEND sums "${md5}  ${f}\n")
  endforeach()
  file(WRITE "${tree}/DEBIAN/md5sums" "${sums}")
  file(MAKE_DIRECTORY "${tree}/usr/share/doc")
  file(CREATE_LINK groundwork "${tree}/usr/share/doc/groundwork-dbgsym" SYMBOLIC)
  execute_process(COMMAND dpkg-deb --root-owner-group -Zxz -b "${tree}" "${pkg}"
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cannot pack ${pkg} again")
  endif()
  file(REMOVE_RECURSE "${tree}")
endforeach()
