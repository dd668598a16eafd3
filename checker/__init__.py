"""checker: source-reliability and date-consistency checks for news articles and press releases."""
import sys as _sys
import types as _types

# pandera's type registry imports dask.dataframe whenever dask is installed (our `dask` and `test`
# extras): about a second of start-up, paid by every pre-commit run, for dask type annotations the checker
# never uses (it validates pandas frames only, the Dask engine included). pandera is told dask typing is
# absent, unless something has already loaded dask.dataframe, in which case nothing is changed.
if "pandera.typing.dask" not in _sys.modules and "dask.dataframe" not in _sys.modules:
    _stub = _types.ModuleType("pandera.typing.dask", "dask typing left out by checker (see checker/__init__.py)")
    _stub.DASK_INSTALLED = False
    _sys.modules["pandera.typing.dask"] = _stub
