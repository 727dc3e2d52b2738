// Module evaluation fails: found, but not loadable.
throw new Error('broken at import time');
