"""Documents: PDF (reportlab), DOCX, label-sheet geometry, fonts and text shaping."""
