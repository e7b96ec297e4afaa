// The agent console's own script (loaded after Blazor and MudBlazor). Keyboard shortcuts come here.
