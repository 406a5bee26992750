"""Xuất PDF: rendering (render.py), its stylesheet and the embedded Noto Sans (fonts/)."""
