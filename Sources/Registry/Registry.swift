import EventLog
import Discipline
public enum RegistryModule {}
