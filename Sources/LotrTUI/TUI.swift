import LotrEngine
import CNcursesw
