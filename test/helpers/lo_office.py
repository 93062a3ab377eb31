# A headless LibreOffice for the test helpers (lo-clerk.py, lo-sheet-pdf.py): started with its own profile, listening
# on a socket, reached through Python-UNO; `with headless_office(port, "lo-x-") as desktop:` and it is stopped after.
import contextlib, os, subprocess, tempfile, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

@contextlib.contextmanager
def headless_office(port, prefix):
    profile = tempfile.mkdtemp(prefix=prefix)
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                               f"-env:UserInstallation=file://{profile}", f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"); break
            except Exception:
                time.sleep(0.25)
        if ctx is None: raise SystemExit("LibreOffice did not start")
        yield ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    finally:
        office.terminate()
        try: office.wait(20)
        except Exception: office.kill()

def open_hidden(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
