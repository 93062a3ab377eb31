# Prints one sheet of a workbook to PDF with LibreOffice (headless, Python-UNO), as a clerk's File > Print would:
# the other sheets are taken out first so only this sheet's pages come out, with the sheet's own page setup.
# usage: lo-sheet-pdf.py <workbook.xlsx> <sheet name> <out.pdf> <port>
import os, sys
import uno
from lo_office import headless_office, open_hidden, prop

path, sheet, out, port = sys.argv[1:5]
with headless_office(port, "lo-pdf-") as desktop:
    doc = open_hidden(desktop, path)
    sheets = doc.Sheets
    for name in list(sheets.getElementNames()):
        if name != sheet: sheets.removeByName(name)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "calc_pdf_Export"),))
    doc.close(True)
