"""What people read: terminal tables, CSV, scorecard workbooks, the HTML report, DataFrames."""
