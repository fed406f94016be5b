/* placeholder: the loader is being written */
#include "core/pack.h"
