import EventLog
print("stress")
