import { tuneHeap } from "./heap";
import { main } from "./main";

tuneHeap();
main();
