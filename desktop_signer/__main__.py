from desktop_signer.cli import main

raise SystemExit(main())
