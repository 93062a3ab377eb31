# Prints one sheet of a workbook to PDF with LibreOffice (headless, Python-UNO), as a clerk's File > Print would:
# the other sheets are taken out first so only this sheet's pages come out, with the sheet's own page setup.
# usage: lo-sheet-pdf.py <workbook.xlsx> <sheet name> <out.pdf> <port>
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

path, sheet, out, port = sys.argv[1:5]
profile = tempfile.mkdtemp(prefix="lo-pdf-")
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
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    for name in list(sheets.getElementNames()):
        if name != sheet: sheets.removeByName(name)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc_pdf_Export"),))
    doc.close(True)
finally:
    office.terminate()
    try: office.wait(20)
    except Exception: office.kill()
